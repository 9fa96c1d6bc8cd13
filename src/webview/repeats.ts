/**
 * The host sends a page what it shows before the page says `ready` (VS Code holds the
 * messages until the page's frame has loaded, which saves a round trip to the host),
 * and sends its whole view again on `ready`, in case those were not delivered. So the
 * page sees most messages twice: this tells a message that only repeats what its part
 * of the page already shows, so that it is neither drawn nor announced again.
 *
 * `slotOf` names the part of the page a message fills (the card, the drawing, one
 * section …), or undefined for a message that is never skipped. Only a message equal
 * to the last one its slot got is a repeat: a new answer, or the same one after
 * something else (an error, then "loading", then the same error), is drawn again.
 */
export function repeatFilter<M>(slotOf: (message: M) => string | undefined): (message: M) => boolean {
  const last = new Map<string, string>();
  return (message) => {
    const slot = slotOf(message);
    if (slot === undefined) return false;
    const json = JSON.stringify(message);
    if (last.get(slot) === json) return true;
    last.set(slot, json);
    return false;
  };
}

/**
 * What Enter in the search quick pick searches for. The workbench filters the rows it
 * has at each key, makes the first row it then shows the active one, and tells the
 * extension so, by the row's place in the list, right after the new value; the
 * extension's own rows for that value (the typed query's first) arrive there a moment
 * later. The active row so reported is the workbench's choice, not the reader's, and its
 * place may by then hold another row: taken as the pick, Enter pressed in that moment
 * would run another recent search. So a recent search is what the reader moved to
 * after the value changed; anything else searches the value as typed. Pure.
 */
export class QueryAccept<Row extends { query?: string }> {
  /** The row the reader moved to for this value, if any. */
  private chosen: Row | undefined;
  /** The next change of the active row is the workbench's, following the filter. */
  private filtering = false;

  /** The value changed (a key): the next active row is the filter's. */
  valueChanged(): void {
    this.chosen = undefined;
    this.filtering = true;
  }

  /** The active row changed: the reader's move, unless it follows a value change. */
  activeChanged(active: Row | undefined): void {
    if (this.filtering) this.filtering = false;
    else this.chosen = active;
  }

  /** The query Enter searches for: the selected row when the reader moved to it, else the value typed. */
  accepted(value: string, selected: Row | undefined): string {
    const typed = value.trim();
    if (selected?.query && (!typed || selected === this.chosen)) return selected.query;
    return typed;
  }
}

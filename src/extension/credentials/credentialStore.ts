import * as vscode from 'vscode';
import type { Credentials } from '../../core/api/types';
import { Disposable } from '../common/disposable';
import { decodeCredentials, encodeCredentials, SECRET_KEY } from './credentialsCodec';

/**
 * The credentials, kept only in SecretStorage as one JSON entry. Other windows of
 * the same profile share the entry: `onDidChange` fires for their changes too.
 * A session default (the sandbox's, from the environment) applies while nothing
 * is stored and is never written anywhere.
 */
export class CredentialStore extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private sessionDefault: Credentials | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {
    super();
    this.register(secrets.onDidChange((e) => e.key === SECRET_KEY && this.changed.fire()));
  }

  async get(): Promise<Credentials | undefined> {
    return decodeCredentials(await this.secrets.get(SECRET_KEY)) ?? this.sessionDefault;
  }

  /** Whether the stored entry (not a session default) exists. */
  async isStored(): Promise<boolean> {
    return decodeCredentials(await this.secrets.get(SECRET_KEY)) !== undefined;
  }

  async store(credentials: Credentials): Promise<void> {
    await this.secrets.store(SECRET_KEY, encodeCredentials(credentials));
    // SecretStorage reports the change too, but later; firing now lets callers go on at once.
    this.changed.fire();
  }

  /** Removes the stored entry and any session default: the window is signed out. */
  async clear(): Promise<void> {
    this.sessionDefault = undefined;
    await this.secrets.delete(SECRET_KEY);
    this.changed.fire();
  }

  useForSession(credentials: Credentials): void {
    this.sessionDefault = credentials;
    this.changed.fire();
  }
}

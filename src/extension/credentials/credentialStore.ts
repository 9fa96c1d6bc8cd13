import * as vscode from 'vscode';
import type { Credentials } from '../../core/api/types';
import { Disposable } from '../common/disposable';
import { decodeCredentials, encodeCredentials, SECRET_KEY } from './credentialsCodec.pure';

/**
 * The credentials, kept only in SecretStorage as one JSON entry. Other windows of
 * the same profile share the entry: `onDidChange` fires for their changes too.
 */
export class CredentialStore extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    super();
    this.register(secrets.onDidChange((e) => e.key === SECRET_KEY && this.changed.fire()));
  }

  /** The stored credentials; undefined when none are stored (or the entry is unreadable). */
  async get(): Promise<Credentials | undefined> {
    return decodeCredentials(await this.secrets.get(SECRET_KEY));
  }

  async isStored(): Promise<boolean> {
    return (await this.get()) !== undefined;
  }

  async store(credentials: Credentials): Promise<void> {
    await this.secrets.store(SECRET_KEY, encodeCredentials(credentials));
    // SecretStorage reports the change too, but later; firing now lets callers go on at once.
    this.changed.fire();
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    this.changed.fire();
  }
}

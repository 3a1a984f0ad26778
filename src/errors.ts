/**
 * Errors the user can act on: a missing file, a binary file, a bad manifest.
 * They carry a message-catalog key and its parameters, so the CLI prints them
 * in the user's language as one line. Anything else thrown is a bug.
 */
import type { MessageKey } from './i18n.js';

export class OverensError extends Error {
  readonly key: MessageKey;
  readonly params: Record<string, string | number>;

  constructor(key: MessageKey, params: Record<string, string | number>, options?: { cause?: unknown }) {
    super(`${key}: ${JSON.stringify(params)}`, options);
    this.name = 'OverensError';
    this.key = key;
    this.params = params;
  }

  /**
   * Turn the file-system errors a user causes (missing file, no permission,
   * a directory) into an OverensError; rethrow anything else unchanged.
   */
  static fromFs(error: unknown, file: string): OverensError {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    switch (code) {
      case 'ENOENT':
        return new OverensError('fileNotFound', { file }, { cause: error });
      case 'EACCES':
      case 'EPERM':
        return new OverensError('fileNoPermission', { file }, { cause: error });
      case 'EISDIR':
        return new OverensError('fileIsDirectory', { file }, { cause: error });
      case 'ENOTDIR':
        return new OverensError('fileNotFound', { file }, { cause: error });
      default:
        throw error;
    }
  }
}

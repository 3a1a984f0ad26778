/**
 * Errors the user can act on: a missing file, a binary file, a bad manifest.
 * Their `message` is the sentence a user reads ("/x.md: no such file"), in
 * the language of the locale (LC_ALL, LC_MESSAGES, LANG: Swedish for sv*);
 * the message-catalog key and its parameters stay as fields, for a program,
 * and `messageIn(lang)` gives the sentence in another language. The CLI
 * prints them as one line. Anything else thrown is a bug.
 */
import { resolveLang, t, type Lang, type MessageKey } from './i18n.js';

export class OverensError extends Error {
  readonly key: MessageKey;
  readonly params: Record<string, string | number>;

  constructor(key: MessageKey, params: Record<string, string | number>, options?: { cause?: unknown }) {
    super(t(resolveLang(undefined), key, params), options);
    this.name = 'OverensError';
    this.key = key;
    this.params = params;
  }

  /** The message in a given language. */
  messageIn(lang: Lang): string {
    return t(lang, this.key, this.params);
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

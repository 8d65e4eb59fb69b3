/**
 * ImageKit's error shape. Every failure the emulator answers is an `IkError`, turned into
 * `{ message, help, ...extra }` with the right status by the server's error handler, so no
 * route ever leaks a stack trace or a 500 for bad input.
 */
export const HELP = 'For support kindly contact us at support@imagekit.io.';

export type IkErrorExtra = Record<string, unknown>;

export class IkError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: IkErrorExtra = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'IkError';
  }

  body(): Record<string, unknown> {
    return { message: this.message, help: HELP, ...this.extra };
  }
}

export const badRequest = (message: string, extra?: IkErrorExtra) => new IkError(400, message, extra);
export const notFound = (message: string, extra?: IkErrorExtra) => new IkError(404, message, extra);
export const unauthorized = (message = 'Your request does not contain private API key.') => new IkError(401, message);
export const forbidden = (message = 'Your account cannot be authenticated.') => new IkError(403, message);

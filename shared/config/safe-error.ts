/**
 * What an unexpected error may put in a log line: its kind, codes and stack, with anything that could
 * be personal data (phone and ID numbers, e-mail addresses, Chinese names and chat text) taken out.
 */

export interface SafeError {
  name: string;
  message: string;
  code?: string;
  httpStatusCode?: number;
  awsRequestId?: string;
  stack?: string;
  cause?: SafeError;
}

const MAX_MESSAGE = 300;

/** Long digit runs, e-mail addresses and runs of CJK characters become placeholders. */
export function scrubText(text: string): string {
  const scrubbed = text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]')
    .replace(/\d[\d\s-]{4,}\d/g, '[digits]')
    .replace(/[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+/g, '[cjk]');
  return scrubbed.length > MAX_MESSAGE ? `${scrubbed.slice(0, MAX_MESSAGE)}…` : scrubbed;
}

export function safeError(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) return { name: typeof err, message: '[non-error value]' };
  const meta = (err as { $metadata?: { httpStatusCode?: number; requestId?: string } }).$metadata;
  const rawCode = (err as { code?: unknown }).code;
  const out: SafeError = { name: err.name, message: scrubText(err.message) };
  if (typeof rawCode === 'string') out.code = rawCode;
  if (meta?.httpStatusCode !== undefined) out.httpStatusCode = meta.httpStatusCode;
  if (meta?.requestId !== undefined) out.awsRequestId = meta.requestId;
  // Stack frames only: the first line repeats the unscrubbed message.
  const frames = err.stack?.split('\n').slice(1).join('\n');
  if (frames) out.stack = frames;
  if (err.cause !== undefined && depth < 2) out.cause = safeError(err.cause, depth + 1);
  return out;
}

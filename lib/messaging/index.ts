/**
 * The protocol between the content script, the background service worker, the offscreen
 * document and the extension pages: each message kind is a pair of zod schemas, checked on
 * both sides. Handlers never throw across contexts; they answer `{ok: true, value}` or
 * `{ok: false, error}`.
 *
 * Pure: no browser calls. Entrypoints pass in the `send` function (e.g.
 * `browser.runtime.sendMessage`) and register the returned listener themselves.
 *
 * **Who may change stored data.** Pages cannot message the extension (no
 * `externally_connectable`); the danger is a page steering the content script. So:
 * - The content script sends a message that changes stored data (`clippings/save`,
 *   `clippings/update`, `entities/add`, `entities/reject`) only from a trusted input event of
 *   the reader (`event.isTrusted`: a click or key press in the card, which lives in a closed
 *   shadow root the page cannot read or click into), or when the browser's own UI asks it
 *   (the context menu, a keyboard command: `clippings/save-selection` comes from the background).
 * - The background checks every request against its schema, refuses addresses that are not
 *   http(s), and limits saves per tab (60 a minute) and the library's size, so nothing that
 *   slipped through could fill the store.
 * - Imports, exports, deletions and the reader's articles are done by extension pages only
 *   (the popup, the side panel, the options page), never on a content script's request.
 */
import * as z from 'zod/mini';
import { $ZodError, type $ZodObject, type $ZodType } from 'zod/v4/core';
import { zodMessage } from '../i18n/zod';
import { lazy } from '../lazy';

// zod/mini brings no messages of its own: ours, in the UI's language at the time of each check.
z.config({ localeError: zodMessage });

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A client's failure: `transport` is set when no valid answer arrived at all (no receiver yet,
 * the receiver went away, a malformed reply), as opposed to the receiver answering `{ok: false}`.
 */
export type Failure = { ok: false; error: string; transport?: true };

/**
 * A failure's message for the reader: its text without the message kind that clients and
 * handlers put first for logs (`clippings/import: 第 2 条摘录…` → `第 2 条摘录…`).
 */
export function failureReason(failure: { error: string }): string {
  return failure.error.replace(/^[\w/-]+: /, '');
}

/** The contexts a message can be addressed to (`sidepanel`: the side panel page, when open). */
export const TARGETS = ['background', 'offscreen', 'content', 'sidepanel'] as const;
export type Target = (typeof TARGETS)[number];

/**
 * One message kind: what is sent (without `type`/`target`, which the envelope uses: a request
 * must not have fields of those names) and what comes back.
 */
export interface MessageSpec<Req extends $ZodObject = $ZodObject, Res extends $ZodType = $ZodType> {
  request: Req;
  response: Res;
}

export type Protocol = Record<string, MessageSpec>;

export type RequestOf<P extends Protocol, K extends keyof P> = z.input<P[K]['request']>;
export type ParsedRequestOf<P extends Protocol, K extends keyof P> = z.output<P[K]['request']>;
export type ResponseOf<P extends Protocol, K extends keyof P> = z.output<P[K]['response']>;

export type Handlers<P extends Protocol> = {
  [K in keyof P]: (request: ParsedRequestOf<P, K>, sender: unknown) => Promise<ResponseOf<P, K>> | ResponseOf<P, K>;
};

const envelopeSchema = lazy(() => z.object({ target: z.enum(TARGETS), type: z.string() }));

function describeError(error: unknown): string {
  if (error instanceof $ZodError) {
    return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Builds the message listener of one context.
 *
 * The returned function answers `undefined` for messages addressed elsewhere or of a kind this
 * context does not handle (so other listeners can answer them), and otherwise a promise of a
 * `Result`: `{ok: false}` when the request fails its schema, the handler throws, or the
 * handler's value fails the response schema.
 *
 * `checkAnswers: false` sends the handler's value as it is: the client checks every answer
 * against the same schema when it arrives, so this only moves the failure to the receiving
 * side. The content script uses it, because there the check runs on the page's main thread
 * (7,840 spans of a long report: 40 ms on first use).
 */
export function createHandler<P extends Protocol>(
  target: Target,
  protocol: P,
  handlers: Handlers<P>,
  options: { checkAnswers?: boolean } = {},
): (message: unknown, sender?: unknown) => Promise<Result<unknown>> | undefined {
  const checkAnswers = options.checkAnswers ?? true;
  return (message, sender) => {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success || envelope.data.target !== target) return undefined;
    const kind = envelope.data.type;
    if (!Object.hasOwn(protocol, kind)) return undefined;
    const spec = protocol[kind]!;
    return (async (): Promise<Result<unknown>> => {
      try {
        const { target: _t, type: _k, ...body } = message as Record<string, unknown>;
        const request = z.parse(spec.request, body);
        const value = await handlers[kind as keyof P](request as never, sender);
        return { ok: true, value: checkAnswers ? z.parse(spec.response, value) : value };
      } catch (error) {
        const text = describeError(error);
        // An error relayed from another context already names the kind.
        return { ok: false, error: text.startsWith(`${kind}: `) ? text : `${kind}: ${text}` };
      }
    })();
  };
}

/** Sends one raw message and resolves with whatever the other side answered. */
export type Send = (message: unknown) => Promise<unknown>;

export interface Client<P extends Protocol> {
  /**
   * Sends a request and validates the answer. Never rejects: a missing receiver, a transport
   * error, an `{ok: false}` answer and an answer that fails the response schema all resolve
   * to `{ok: false, error}`.
   */
  call<K extends keyof P & string>(type: K, request: RequestOf<P, K>): Promise<{ ok: true; value: ResponseOf<P, K> } | Failure>;
}

/** What a handler answers (see {@link createHandler}). */
const resultSchema = lazy(() =>
  z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })]),
);

/** A typed client for the context `target`, sending through `send`. */
export function createClient<P extends Protocol>(target: Target, protocol: P, send: Send): Client<P> {
  return {
    async call(type, request) {
      const spec = protocol[type]!;
      const parsed = z.safeParse(spec.request, request);
      if (!parsed.success) return { ok: false, error: `${type}: ${describeError(parsed.error)}` };
      let raw: unknown;
      try {
        raw = await send({ ...(parsed.data as object), target, type });
      } catch (error) {
        return { ok: false, error: `${type}: ${describeError(error)}`, transport: true };
      }
      const result = resultSchema.safeParse(raw);
      if (!result.success) {
        const why = raw === undefined ? 'no receiver' : describeError(result.error);
        return { ok: false, error: `${type}: no valid answer from ${target} (${why})`, transport: true };
      }
      if (!result.data.ok) return result.data;
      const value = z.safeParse(spec.response, result.data.value);
      if (!value.success) return { ok: false, error: `${type}: ${describeError(value.error)}`, transport: true };
      return { ok: true, value: value.data as ResponseOf<P, typeof type> };
    },
  };
}

/** The shape of a `runtime.onMessage` / `tabs.onMessage` listener in callback style. */
export type RuntimeListener = (
  message: unknown,
  sender: unknown,
  sendResponse: (response: unknown) => void,
) => true | undefined;

/**
 * Adapts a handler to the callback style of `runtime.onMessage`, which works the same in
 * Chromium and Firefox: answers asynchronously (returns `true`) only for messages the handler
 * takes, so other contexts' listeners still get theirs.
 */
export function toRuntimeListener(handler: ReturnType<typeof createHandler>): RuntimeListener {
  return (message, sender, sendResponse) => {
    const pending = handler(message, sender);
    if (!pending) return undefined;
    void pending.then(sendResponse);
    return true;
  };
}

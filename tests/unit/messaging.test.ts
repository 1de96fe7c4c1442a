import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createClient, createHandler, toRuntimeListener } from '@/lib/messaging';
import { backgroundProtocol, MAX_SEGMENT_CHARS } from '@/lib/messaging/protocol';

const protocol = {
  echo: { request: z.object({ text: z.string() }), response: z.object({ text: z.string() }) },
  boom: { request: z.object({}), response: z.object({}) },
  lie: { request: z.object({}), response: z.object({ n: z.number() }) },
  relay: { request: z.object({}), response: z.object({}) },
};

const handler = createHandler('background', protocol, {
  echo: ({ text }) => ({ text: text.toUpperCase() }),
  boom: () => {
    throw new Error('kaputt');
  },
  lie: () => ({ n: 'not a number' }) as never,
  relay: () => {
    throw new Error('relay: upstream');
  },
});

describe('createHandler', () => {
  it.each([
    ['another target', { target: 'offscreen', type: 'echo', text: 'a' }],
    ['an unknown kind', { target: 'background', type: 'nope' }],
    ['no envelope', 'hello'],
    ['null', null],
    ['a prototype key as kind', { target: 'background', type: 'toString' }],
  ])('leaves %s to other listeners', (_name, message) => {
    expect(handler(message)).toBeUndefined();
  });

  it('answers a valid request', async () => {
    await expect(handler({ target: 'background', type: 'echo', text: 'ab' })).resolves.toEqual({ ok: true, value: { text: 'AB' } });
  });

  it.each([
    ['a request failing its schema', { target: 'background', type: 'echo', text: 1 }, /^echo: text:/],
    ['a throwing handler', { target: 'background', type: 'boom' }, /^boom: kaputt$/],
    ['a relayed error, without naming the kind twice', { target: 'background', type: 'relay' }, /^relay: upstream$/],
    ['a response failing its schema', { target: 'background', type: 'lie' }, /^lie: n:/],
  ])('turns %s into {ok: false}', async (_name, message, error) => {
    const answer = await handler(message);
    expect(answer?.ok).toBe(false);
    expect(answer?.ok === false && answer.error).toMatch(error);
  });

  it('leaves the answer to the asker to check with checkAnswers: false, and the asker still refuses a bad one', async () => {
    const unchecked = createHandler('background', protocol, { echo: ({ text }) => ({ text }), boom: () => ({}), lie: () => ({ n: 'not a number' }) as never, relay: () => ({}) }, { checkAnswers: false });
    // The request is still checked.
    expect(await unchecked({ target: 'background', type: 'echo', text: 1 })).toMatchObject({ ok: false });
    expect(await unchecked({ target: 'background', type: 'lie' })).toEqual({ ok: true, value: { n: 'not a number' } });
    const client = createClient('background', protocol, async (m) => unchecked(m));
    expect(await client.call('lie', {})).toMatchObject({ ok: false, error: expect.stringMatching(/^lie: n:/), transport: true });
  });
});

describe('createClient', () => {
  const client = createClient('background', protocol, async (m) => handler(m));

  it('round-trips through a handler', async () => {
    await expect(client.call('echo', { text: 'x' })).resolves.toEqual({ ok: true, value: { text: 'X' } });
  });

  it('resolves {ok: false} when nobody answers, the transport throws, or the answer is malformed', async () => {
    const silent = createClient('background', protocol, async () => undefined);
    expect(await silent.call('echo', { text: 'x' })).toEqual({
      ok: false,
      error: 'echo: no valid answer from background (no receiver)',
      transport: true,
    });
    const broken = createClient('background', protocol, () => Promise.reject(new Error('Receiving end does not exist.')));
    expect(await broken.call('echo', { text: 'x' })).toEqual({ ok: false, error: 'echo: Receiving end does not exist.', transport: true });
    const liar = createClient('background', protocol, async () => ({ ok: true, value: { text: 3 } }));
    expect(await liar.call('echo', { text: 'x' })).toMatchObject({ ok: false, transport: true });
    const refusing = createClient('background', protocol, async () => ({ ok: false, error: 'echo: nope' }));
    expect(await refusing.call('echo', { text: 'x' })).toEqual({ ok: false, error: 'echo: nope' });
  });

  it('validates the request before sending it', async () => {
    const send = vi.fn();
    const strict = createClient('background', backgroundProtocol, send);
    const answer = await strict.call('segment', { text: 'x'.repeat(MAX_SEGMENT_CHARS + 1) });
    expect(answer.ok).toBe(false);
    expect(send).not.toHaveBeenCalled();
  });
});

describe('toRuntimeListener', () => {
  it('keeps the channel open only for messages it answers', async () => {
    const listener = toRuntimeListener(handler);
    const sendResponse = vi.fn();
    expect(listener({ target: 'offscreen', type: 'echo', text: 'a' }, {}, sendResponse)).toBeUndefined();
    expect(listener({ target: 'background', type: 'echo', text: 'a' }, {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: { text: 'A' } }));
  });
});

describe('protocols', () => {
  it('never use the envelope field names in a request', async () => {
    const { backgroundProtocol, contentProtocol, offscreenProtocol } = await import('@/lib/messaging/protocol');
    for (const protocol of [backgroundProtocol, contentProtocol, offscreenProtocol]) {
      for (const [kind, spec] of Object.entries(protocol)) {
        const keys = Object.keys((spec.request as unknown as { shape: object }).shape);
        expect(keys, kind).not.toContain('type');
        expect(keys, kind).not.toContain('target');
      }
    }
  });
});

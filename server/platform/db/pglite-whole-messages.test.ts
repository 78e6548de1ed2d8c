import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module of the worker, without types
import { gatherLargeMessages } from './pglite-whole-messages.mjs';

/** The library's buffering, reduced to what the patch relies on: it appends each chunk and takes whole messages off the front. */
class FakeHandler {
  messageBuffer = Buffer.alloc(0);
  messages: Buffer[] = [];
  copies = 0;
  async handleData(chunk: Buffer) {
    this.messageBuffer = Buffer.concat([this.messageBuffer, chunk]);
    this.copies += this.messageBuffer.length;
    while (this.messageBuffer.length >= 5) {
      const length = 1 + this.messageBuffer.readInt32BE(1);
      if (this.messageBuffer.length < length) break;
      this.messages.push(this.messageBuffer.subarray(0, length));
      this.messageBuffer = this.messageBuffer.subarray(length);
    }
    return this.messages.length;
  }
  detach() {
    this.messageBuffer = Buffer.alloc(0);
  }
}
gatherLargeMessages(FakeHandler);

function message(type: string, bytes: number) {
  const m = Buffer.alloc(1 + 4 + bytes, type.charCodeAt(0) + (bytes % 7));
  m.write(type, 0);
  m.writeInt32BE(4 + bytes, 1);
  return m;
}

function chunksOf(data: Buffer, size: number) {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}

describe('gathering large messages of the embedded database’s socket', () => {
  it('hands every message over whole and in order, however the socket cuts them, copying a large one about once', async () => {
    const large = [message('P', 40), message('B', 3_000_000), message('E', 9), message('B', 300_000), message('S', 0)];
    // Cut every few bytes, a message's type and length arrive in pieces too.
    const cut = [message('P', 2), message('B', 300_000), message('E', 1)];
    for (const [sent, size] of [[large, 64 * 1024], [large, 1_000_003], [large, 1 << 22], [cut, 3], [cut, 4]] as const) {
      const handler = new FakeHandler();
      const stream = Buffer.concat(sent);
      for (const chunk of chunksOf(stream, size)) await handler.handleData(chunk);
      expect(handler.messages.map((m) => m.toString('base64'))).toEqual(sent.map((m) => m.toString('base64')));
      expect(handler.copies).toBeLessThan(stream.length * 3);
    }
  });

  it('leaves the start-up packet and small messages to the library', async () => {
    const handler = new FakeHandler();
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8, 0);
    startup.writeInt32BE(196608, 4);
    await handler.handleData(startup.subarray(0, 8));
    expect((handler as unknown as { gathering: unknown }).gathering ?? null).toBeNull();
    handler.detach();
    await handler.handleData(message('Q', 100).subarray(0, 50));
    expect((handler as unknown as { gathering: unknown }).gathering ?? null).toBeNull();
    expect(handler.messageBuffer.length).toBe(50);
  });

  it('forgets what it gathered when the connection ends', async () => {
    const handler = new FakeHandler();
    await handler.handleData(message('B', 1_000_000).subarray(0, 70_000));
    handler.detach();
    await handler.handleData(message('S', 0));
    expect(handler.messages).toHaveLength(1);
  });
});

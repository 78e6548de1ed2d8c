// pglite-socket 0.2.17 appends each chunk the socket reads to the bytes it
// holds (`Buffer.concat([held, chunk])`), so a message of n chunks is copied
// n times: a 15 MB statement (an import's report stored as its task's result)
// arrives in ~240 chunks of 64 kB and cost 2–6 s of copying per message, on
// the thread that runs every query. Here the chunks of a large message are
// kept aside until the message is whole, then handed over in one piece, so it
// is copied once. Small messages, the start-up packet and SSL or cancel
// requests take the library's own path unchanged.
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';

/** Messages from this size are gathered whole (smaller ones cost little to copy). */
const LARGE = 256 * 1024;
const PROTOCOL_3 = 196608;

/** The length of the regular message (type byte, then length) at the start of `bytes`, or 0 when not known. */
function messageLength(bytes) {
  if (bytes.length < 5) return 0;
  // A start-up packet has no type byte: its length comes first, then the protocol version.
  if (bytes.length >= 8 && bytes.readInt32BE(4) === PROTOCOL_3) return 0;
  return 1 + bytes.readInt32BE(1);
}

export function gatherLargeMessages(Handler = PGLiteSocketHandler) {
  const handleData = Handler.prototype.handleData;
  Handler.prototype.handleData = function gathered(chunk) {
    // Runs synchronously up to the library's own handler, as the library's
    // did: chunks are taken in the order the socket read them.
    if (this.gathering) {
      this.gathering.chunks.push(chunk);
      this.gathering.bytes += chunk.length;
      if (this.gathering.bytes < this.gathering.need) return Promise.resolve(0);
      const whole = Buffer.concat(this.gathering.chunks, this.gathering.bytes);
      this.gathering = null;
      return handleData.call(this, whole);
    }
    const held = this.messageBuffer ?? Buffer.alloc(0);
    const start = held.length >= 5 ? held : held.length ? Buffer.concat([held, chunk.subarray(0, 5)]) : chunk;
    const need = messageLength(start);
    if (need >= LARGE && need > held.length + chunk.length) {
      this.gathering = { chunks: held.length ? [held, chunk] : [chunk], bytes: held.length + chunk.length, need };
      this.messageBuffer = Buffer.alloc(0);
      return Promise.resolve(0);
    }
    return handleData.call(this, chunk);
  };
  // A connection that ends drops what it held, gathered bytes included.
  const detach = Handler.prototype.detach;
  Handler.prototype.detach = function detached(...args) {
    this.gathering = null;
    return detach.apply(this, args);
  };
}

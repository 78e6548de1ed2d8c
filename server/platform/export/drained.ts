import type { Writable } from 'node:stream';

/** The reader of a download went away (closed the tab, lost the network): its work stops. */
export class DownloadAbandoned extends Error {
  constructor() {
    super('the download was abandoned by its reader');
  }
}

/**
 * Waits until `stream` wants more, or fails once it is closed. Waiting for
 * 'drain' alone waited for ever after a reader left (the stream is destroyed
 * and never drains), holding the export's transaction open: on the embedded
 * database that stopped every request until a restart.
 */
export function drained(stream: Writable): Promise<void> {
  if (stream.destroyed || stream.writableEnded) return Promise.reject(new DownloadAbandoned());
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new DownloadAbandoned());
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', onClose);
  });
}

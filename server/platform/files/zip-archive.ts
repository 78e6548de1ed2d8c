import type yauzl from 'yauzl';
import { AppError } from '../errors/app-error.js';

export interface ZipLimits {
  /** Bytes that may be inflated from the whole archive, counted as they come out of the inflater. */
  inflatedBytes: number;
  entries: number;
}

/**
 * A zip read through its central directory, one named entry at a time.
 *
 * The sizes an archive declares are only a first, cheap refusal: a hostile
 * file can declare a few bytes and inflate to gigabytes. So every entry is
 * read with yauzl's `validateEntrySizes` (the stream fails as soon as it
 * yields more than the entry declared) and the bytes actually inflated are
 * counted against one budget for the whole archive; past it the read stops
 * with `file.too_large` before the rest is inflated.
 */
export class ZipArchive {
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly limits: ZipLimits,
  ) {}

  static async open(buffer: Buffer, limits: ZipLimits): Promise<ZipArchive> {
    // Loaded by the first upload rather than at the server's start.
    const { fromBuffer } = (await import('yauzl')).default;
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) => (err ? reject(new AppError('file.unreadable')) : resolve(z!))),
    );
    const entries = new Map<string, yauzl.Entry>();
    let declared = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        if (entries.size >= limits.entries || declared > limits.inflatedBytes) {
          zip.close();
          reject(new AppError('file.too_large'));
          return;
        }
        entries.set(entry.fileName.replace(/^\/+/, ''), entry);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', () => reject(new AppError('file.unreadable')));
      zip.readEntry();
    });
    return new ZipArchive(zip, entries, limits);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes as they are inflated; `file.too_large` once the archive's budget is spent or the entry outgrows its declared size. */
  async *read(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw new AppError('file.unreadable');
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      this.zip.openReadStream(entry, (err, s) => (err ? reject(new AppError('file.unreadable')) : resolve(s!))),
    );
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.inflated += chunk.length;
        if (this.inflated > this.limits.inflatedBytes) throw new AppError('file.too_large');
        yield chunk;
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      // yauzl's validateEntrySizes: the entry inflates to more than it declared.
      if (error instanceof Error && error.message.startsWith('too many bytes')) throw new AppError('file.too_large');
      throw new AppError('file.unreadable');
    } finally {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    }
  }

  /** A small entry (workbook parts, relationships) read whole as text. */
  async text(name: string): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.read(name)) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }

  close() {
    this.zip.close();
  }
}

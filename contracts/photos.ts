import { z } from 'zod';
import { Text } from './common.js';

// A photo kept by the platform's photo piece (server/platform/files/photo.ts): an LED progress
// report's (led-implementation.ts), a showcase product's (networking-showcase.ts).

/** The caption sent beside a photo's file (a multipart field, as JSON). */
export const PhotoCaption = Text(300).trim();
/** Which copy of a stored photo: the phone-sized one or the thumbnail. */
export const PhotoSize = z.enum(['large', 'thumb']);

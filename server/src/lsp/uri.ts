import { fileURLToPath } from 'node:url';

/** The file a `file:` URI names; undefined for other schemes (untitled documents, virtual files) and bad URIs. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

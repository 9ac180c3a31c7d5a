/** The bytes of base64 text, decoded a slice at a time so a large export never becomes one huge binary string. */
export function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const clean = base64.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  const sliceLength = 1 << 20;
  let offset = 0;
  for (let start = 0; start < base64.length; start += sliceLength) {
    const binary = atob(base64.slice(start, start + sliceLength));
    for (let index = 0; index < binary.length; index += 1) bytes[offset + index] = binary.charCodeAt(index);
    offset += binary.length;
  }
  return bytes;
}

/**
 * Saves what main produced (an approved export, a checkpoint, a PDF) as a download: text is
 * saved as UTF-8, bytes as they are.
 */
export function saveFile(fileName: string, mimeType: string, content: string | Uint8Array<ArrayBuffer>): void {
  const type = typeof content === 'string' ? `${mimeType};charset=utf-8` : mimeType;
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download may still be reading the blob: a large file must not lose its URL under it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

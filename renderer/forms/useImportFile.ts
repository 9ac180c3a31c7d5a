import { useState } from 'react';

/** A file chosen for an import, read in the browser. */
export type ChosenFile = Readonly<{ name: string; content: string }>;

type ImportFileLimits = Readonly<{
  /** Files larger than this many bytes are refused before reading. */
  maxBytes: number;
  /** Content longer than this many characters is refused after reading. */
  maxChars: number;
  /** The words for a file over the limits, and for one that cannot be read. */
  tooLarge: () => string;
  unreadable: () => string;
}>;

/**
 * The file of an import form: `choose` reads a picked file within the limits (the file never
 * leaves the page until submitted), `fileError` says why it cannot be used.
 */
export function useImportFile(limits: ImportFileLimits) {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  async function choose(chosen: File): Promise<void> {
    setFileError(null);
    setFile(null);
    if (chosen.size > limits.maxBytes) {
      setFileError(limits.tooLarge());
      return;
    }
    let content: string;
    try {
      content = await chosen.text();
    } catch {
      setFileError(limits.unreadable());
      return;
    }
    if (content.length > limits.maxChars) setFileError(limits.tooLarge());
    else setFile({ name: chosen.name, content });
  }

  return { file, fileError, setFileError, choose };
}

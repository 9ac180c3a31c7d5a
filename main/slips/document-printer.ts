/**
 * Sends a finished PDF to a printer. Electron provides one (main/electron/pdf-printer.ts); the
 * loopback preview has none, and the page offers the PDF as a download instead.
 */
export type DocumentPrinter = Readonly<{
  /** Resolves true once the print dialog or the printer took the document. */
  printPdf: (pdf: Buffer, title: string) => Promise<boolean>;
}>;

/** Shows a notification on the desktop, outside the window. Electron provides one; the preview has none. */
export type DesktopNotifier = Readonly<{
  notify: (title: string, body: string) => void;
}>;

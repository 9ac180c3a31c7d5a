import { create } from 'zustand';

type DraftsState = {
  /** Unsent text by the key of the box it was typed in (e.g. `customer-note:42`). */
  drafts: Record<string, string>;
  setDraft: (key: string, text: string) => void;
  /** Puts back drafts kept across a lock or handed back at sign-in. */
  restore: (drafts: Record<string, string>) => void;
  reset: () => void;
};

/** Text typed but not sent yet: stashed in main when the seat locks, restored on unlock. */
export const useDraftsStore = create<DraftsState>()((set, get) => ({
  drafts: {},
  setDraft: (key, text) => {
    const next = { ...get().drafts };
    if (text.length === 0) delete next[key];
    else next[key] = text;
    set({ drafts: next });
  },
  restore: (drafts) => set({ drafts: { ...get().drafts, ...drafts } }),
  reset: () => set({ drafts: {} }),
}));

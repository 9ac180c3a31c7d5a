import { create } from 'zustand';
import { defaultLocale, isLocale, messagesByLocale, type Locale } from './locales';

/** localStorage key holding the chosen language as a plain string. */
const localeStorageKey = 'seatdesk.locale';

type I18nState = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
};

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(localeStorageKey);
    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(localeStorageKey, locale);
  } catch {
    // Storage can be unavailable (private mode, quota); the choice then lasts for this run only.
  }
}

function applyLocaleToDocument(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = messagesByLocale[locale]['app.title'];
}

/** The interface language, remembered across restarts. */
export const useI18nStore = create<I18nState>()((set) => ({
  locale: readStoredLocale(),
  setLocale: (locale) => {
    storeLocale(locale);
    applyLocaleToDocument(locale);
    set({ locale });
  },
}));

applyLocaleToDocument(useI18nStore.getState().locale);

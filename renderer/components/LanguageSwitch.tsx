import { Segmented } from 'antd';
import { localeNames, locales, type Locale } from '../i18n/locales';
import { useT } from '../i18n/translate';
import { useI18nStore } from '../i18n/useI18nStore';

const options = locales.map((locale) => ({ value: locale, label: localeNames[locale] }));

/** Switches the interface language; each language is labelled in itself. */
export function LanguageSwitch() {
  const translate = useT();
  const locale = useI18nStore((state) => state.locale);
  const setLocale = useI18nStore((state) => state.setLocale);
  return (
    <Segmented<Locale>
      size="small"
      options={options}
      value={locale}
      onChange={setLocale}
      aria-label={translate('common.languageLabel')}
      data-testid="language-switch"
    />
  );
}

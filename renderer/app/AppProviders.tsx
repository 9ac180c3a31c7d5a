import { App as AntApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import type { ReactNode } from 'react';
import { antdLocales, dayjsLocales, fontFamilies } from '../i18n/locales';
import { useI18nStore } from '../i18n/useI18nStore';

/** antd's configuration for the current language, and its message/modal context. */
export function AppProviders({ children }: { children: ReactNode }) {
  const locale = useI18nStore((state) => state.locale);
  // antd's date pickers take their month and weekday names from dayjs's global language.
  dayjs.locale(dayjsLocales[locale]);
  return (
    <ConfigProvider
      locale={antdLocales[locale]}
      theme={{
        token: {
          colorPrimary: '#1f6feb',
          borderRadius: 8,
          fontFamily: fontFamilies[locale],
        },
      }}
    >
      <AntApp className="app-root">{children}</AntApp>
    </ConfigProvider>
  );
}

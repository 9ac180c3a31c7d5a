import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { antdLocales, fontFamilies } from '../i18n/locales';
import { useI18nStore } from '../i18n/useI18nStore';

/** antd's configuration for the current language, and its message/modal context. */
export function AppProviders({ children }: { children: ReactNode }) {
  const locale = useI18nStore((state) => state.locale);
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

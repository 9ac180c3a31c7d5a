import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/translate';
import { LanguageSwitch } from './LanguageSwitch';

type AuthLayoutProps = {
  title: string;
  description?: ReactNode;
  /** Card width in pixels; forms with more fields get a wider card. */
  width?: number;
  testId: string;
  children: ReactNode;
};

/** The centered card used before anyone is signed in, with the language switch top-right. */
export function AuthLayout({ title, description, width = 420, testId, children }: AuthLayoutProps) {
  const translate = useT();
  return (
    <div className="auth-page" data-testid={testId}>
      <div className="auth-page-toolbar">
        <LanguageSwitch />
      </div>
      <main className="auth-page-main">
        <div className="brand" aria-hidden="true">
          <span className="brand-mark">S</span>
          <span className="brand-name">{translate('app.title')}</span>
        </div>
        <Card className="auth-card" style={{ maxWidth: width }}>
          <Typography.Title level={3} className="auth-card-title">
            {title}
          </Typography.Title>
          {description === undefined ? null : (
            <Typography.Paragraph type="secondary" className="auth-card-description">
              {description}
            </Typography.Paragraph>
          )}
          {children}
        </Card>
      </main>
    </div>
  );
}

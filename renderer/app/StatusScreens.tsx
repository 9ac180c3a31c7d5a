import { Button, Result, Spin } from 'antd';
import type { ErrorCode } from '../../common/ipc/result';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useErrorMessage, useT } from '../i18n/translate';

/** Shown while main answers the first questions (store status, session). */
export function LoadingScreen() {
  const translate = useT();
  return (
    <div className="full-screen-center" data-testid="app-loading">
      <Spin size="large" description={translate('app.loading')} />
    </div>
  );
}

/** Main could not answer a startup question; the person can try again. */
export function StartupFailureScreen({ code, onRetry }: { code: ErrorCode; onRetry: () => void }) {
  const translate = useT();
  const describeError = useErrorMessage();
  return (
    <div className="full-screen-center" data-testid="app-startup-failure">
      <div className="auth-page-toolbar">
        <LanguageSwitch />
      </div>
      <Result
        status="warning"
        title={translate('app.startupFailedTitle')}
        subTitle={<span role="alert">{describeError(code)}</span>}
        extra={
          <Button type="primary" onClick={onRetry} data-testid="app-retry">
            {translate('app.retry')}
          </Button>
        }
      />
    </div>
  );
}

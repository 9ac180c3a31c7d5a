import { Alert, Button, Descriptions, Typography } from 'antd';
import type { StoreFailureCode, StoreStatus } from '../../../common/ipc/store';
import { AuthLayout } from '../../components/AuthLayout';
import { FailureAlert } from '../../components/FailureAlert';
import type { MessageKey } from '../../i18n/messages.zh-CN';
import { useT } from '../../i18n/translate';
import { useStoreStatusStore } from './useStoreStatusStore';

type FailureMessages = Readonly<{ summary: MessageKey; advice: MessageKey }>;

/** Every store failure explained; typed so that a new failure code fails typecheck. */
const failureMessageKeys: Record<StoreFailureCode, FailureMessages> = {
  KEY_FILE_MISSING: {
    summary: 'storeFailure.KEY_FILE_MISSING.summary',
    advice: 'storeFailure.KEY_FILE_MISSING.advice',
  },
  KEY_FILE_INVALID: {
    summary: 'storeFailure.KEY_FILE_INVALID.summary',
    advice: 'storeFailure.KEY_FILE_INVALID.advice',
  },
  DATABASE_MISSING: {
    summary: 'storeFailure.DATABASE_MISSING.summary',
    advice: 'storeFailure.DATABASE_MISSING.advice',
  },
  KEYCHAIN_UNAVAILABLE: {
    summary: 'storeFailure.KEYCHAIN_UNAVAILABLE.summary',
    advice: 'storeFailure.KEYCHAIN_UNAVAILABLE.advice',
  },
  KEYCHAIN_BACKEND_CHANGED: {
    summary: 'storeFailure.KEYCHAIN_BACKEND_CHANGED.summary',
    advice: 'storeFailure.KEYCHAIN_BACKEND_CHANGED.advice',
  },
  KEYCHAIN_DECRYPT_FAILED: {
    summary: 'storeFailure.KEYCHAIN_DECRYPT_FAILED.summary',
    advice: 'storeFailure.KEYCHAIN_DECRYPT_FAILED.advice',
  },
  DATABASE_NOT_DECRYPTABLE: {
    summary: 'storeFailure.DATABASE_NOT_DECRYPTABLE.summary',
    advice: 'storeFailure.DATABASE_NOT_DECRYPTABLE.advice',
  },
  DATABASE_DAMAGED: {
    summary: 'storeFailure.DATABASE_DAMAGED.summary',
    advice: 'storeFailure.DATABASE_DAMAGED.advice',
  },
  DATABASE_FROM_FUTURE: {
    summary: 'storeFailure.DATABASE_FROM_FUTURE.summary',
    advice: 'storeFailure.DATABASE_FROM_FUTURE.advice',
  },
  OPEN_FAILED: {
    summary: 'storeFailure.OPEN_FAILED.summary',
    advice: 'storeFailure.OPEN_FAILED.advice',
  },
};

/** The database exists but cannot be opened: say why, where, and what to do. */
export function StoreFailedPage({ failure }: { failure: StoreStatus['failure'] }) {
  const translate = useT();
  const load = useStoreStatusStore((state) => state.load);
  const loading = useStoreStatusStore((state) => state.loading);
  const retryFailure = useStoreStatusStore((state) => state.errorCode);
  const messages = failure === null ? undefined : failureMessageKeys[failure.code];
  return (
    <AuthLayout
      title={translate('storeFailed.title')}
      description={translate('storeFailed.explanation')}
      width={680}
      testId="store-failed-page"
    >
      {failure === null || messages === undefined ? (
        <Typography.Paragraph>{translate('storeFailed.noDetails')}</Typography.Paragraph>
      ) : (
        <>
          <Alert
            type="error"
            showIcon
            role="alert"
            className="form-alert"
            title={translate(messages.summary)}
            description={
              <>
                <Typography.Text strong>{translate('storeFailed.whatToDo')}</Typography.Text>
                {translate(messages.advice)}
              </>
            }
            data-testid="store-failure-summary"
            data-failure-code={failure.code}
          />
          <Typography.Title level={5}>{translate('storeFailed.details')}</Typography.Title>
          <Descriptions
            column={1}
            bordered
            size="small"
            className="store-failure-details"
            items={[
              {
                key: 'reason',
                label: translate('storeFailed.reason'),
                children: (
                  <span data-testid="store-failure-reason" lang="en">
                    {failure.reason}
                  </span>
                ),
              },
              {
                key: 'file',
                label: translate('storeFailed.file'),
                children: (
                  <Typography.Text code copyable className="break-anywhere" data-testid="store-failure-file">
                    {failure.file}
                  </Typography.Text>
                ),
              },
              {
                key: 'advice',
                label: translate('storeFailed.advice'),
                children: (
                  <span data-testid="store-failure-advice" lang="en">
                    {failure.advice}
                  </span>
                ),
              },
            ]}
          />
        </>
      )}
      <FailureAlert code={retryFailure} testId="store-failed-retry-error" />
      <Button type="primary" block loading={loading} onClick={() => void load()} data-testid="store-failed-retry">
        {translate('storeFailed.retry')}
      </Button>
    </AuthLayout>
  );
}

import { Button, Form, Input, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import type { ErrorCode } from '../../../common/ipc/result';
import { AuthLayout } from '../../components/AuthLayout';
import { FailureAlert } from '../../components/FailureAlert';
import { applyFailureToForm } from '../../forms/applyFailure';
import { requiredRule } from '../../forms/formRules';
import { useSubmission } from '../../forms/useSubmission';
import { useT } from '../../i18n/translate';
import { useStoreStatusStore } from './useStoreStatusStore';

type UnlockValues = { passphrase: string };

/** The database is protected by a passphrase that nobody has entered since start. */
export function StoreUnlockPage() {
  const translate = useT();
  const unlock = useStoreStatusStore((state) => state.unlock);
  const [form] = Form.useForm<UnlockValues>();
  const passphraseInput = useRef<InputRef>(null);
  const { submitting, submit } = useSubmission();
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);

  function handleFinish(values: UnlockValues): Promise<void> {
    return submit(async () => {
      setFailureCode(null);
      const failure = await unlock(values.passphrase);
      if (failure === null) return;
      if (!applyFailureToForm(form, failure, ['passphrase'])) setFailureCode(failure.code);
      if (failure.code === 'WRONG_PASSPHRASE') form.setFieldValue('passphrase', '');
      passphraseInput.current?.focus();
    });
  }

  return (
    <AuthLayout
      title={translate('storeUnlock.title')}
      description={translate('storeUnlock.description')}
      testId="store-unlock-page"
    >
      <FailureAlert code={failureCode} testId="store-unlock-error" />
      <Form<UnlockValues>
        form={form}
        name="storeUnlock"
        layout="vertical"
        requiredMark={false}
        onFinish={handleFinish}
      >
        <Form.Item
          name="passphrase"
          label={translate('field.databasePassphrase')}
          rules={[requiredRule(translate, 'field.databasePassphrase')]}
        >
          <Input.Password ref={passphraseInput} autoFocus autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="store-unlock-submit">
          {translate('storeUnlock.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}

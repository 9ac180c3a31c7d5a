import { Button, Form, Input, type InputRef } from 'antd';
import { useRef } from 'react';
import { AuthLayout } from '../../components/AuthLayout';
import { FailureAlert } from '../../components/FailureAlert';
import { requiredRule } from '../../forms/formRules';
import { useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { useStoreStatusStore } from './useStoreStatusStore';

type UnlockValues = { passphrase: string };

const fieldNames = ['passphrase'] as const;

/** The database is protected by a passphrase that nobody has entered since start. */
export function StoreUnlockPage() {
  const translate = useT();
  const unlock = useStoreStatusStore((state) => state.unlock);
  const [form] = Form.useForm<UnlockValues>();
  const passphraseInput = useRef<InputRef>(null);
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames);

  async function handleFinish(values: UnlockValues): Promise<void> {
    const failure = await run(() => unlock(values.passphrase));
    if (failure === null) return;
    if (failure.code === 'WRONG_PASSPHRASE') form.setFieldValue('passphrase', '');
    passphraseInput.current?.focus();
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

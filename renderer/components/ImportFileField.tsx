import { Button, Flex, Form, Typography, Upload } from 'antd';

type ImportFileFieldProps = {
  /** The field's label. */
  label: string;
  /** The line under the field (what files are accepted, how large). */
  hint: string;
  /** The file picker's `accept`, such as `.json,application/json`. */
  accept: string;
  /** The chosen file's name; `null` shows none. */
  fileName: string | null;
  /** Why the chosen file cannot be used; `null` when nothing is wrong. */
  error: string | null;
  /** Called with the file picked; the file is never uploaded anywhere. */
  onChoose: (file: File) => void;
  /** The button's text. */
  chooseLabel: string;
  /** The text shown for the chosen file (already naming it). */
  chosenLabel: string;
  /** Builds the test ids `${prefix}-upload`, `${prefix}-choose` and `${prefix}-file-name`. */
  testIdPrefix: string;
};

/**
 * The file picker of an import form: a button that picks one file, kept in the browser
 * (never uploaded), the chosen file's name, a hint and the file's error, if any.
 */
export function ImportFileField({ label, hint, accept, fileName, error, onChoose, chooseLabel, chosenLabel, testIdPrefix }: ImportFileFieldProps) {
  return (
    <Form.Item label={label} extra={hint} validateStatus={error === null ? undefined : 'error'} help={error ?? undefined}>
      <Flex align="center" gap={12} wrap data-testid={`${testIdPrefix}-upload`}>
        <Upload
          accept={accept}
          maxCount={1}
          showUploadList={false}
          beforeUpload={(chosen) => {
            onChoose(chosen);
            return false;
          }}
        >
          <Button data-testid={`${testIdPrefix}-choose`}>{chooseLabel}</Button>
        </Upload>
        {fileName === null ? null : (
          <Typography.Text className="break-anywhere" data-testid={`${testIdPrefix}-file-name`}>
            {chosenLabel}
          </Typography.Text>
        )}
      </Flex>
    </Form.Item>
  );
}

import type { StoreStatus } from '../../common/ipc/store';

const summaries: Record<NonNullable<StoreStatus['failure']>['code'], string> = {
  KEY_FILE_MISSING: '数据库密钥文件缺失',
  KEY_FILE_INVALID: '数据库密钥文件已损坏或被修改',
  DATABASE_MISSING: '数据库文件缺失',
  KEYCHAIN_UNAVAILABLE: '系统钥匙串不可用',
  KEYCHAIN_BACKEND_CHANGED: '系统钥匙串类型已改变',
  KEYCHAIN_DECRYPT_FAILED: '系统钥匙串无法解密数据库密钥',
  DATABASE_NOT_DECRYPTABLE: '密钥无法解密数据库（密钥错误或文件损坏）',
  DATABASE_DAMAGED: '数据库文件已损坏',
  DATABASE_FROM_FUTURE: '数据库来自更新版本的 Seatdesk',
  OPEN_FAILED: '无法打开数据库',
};

/** The startup dialog's text for a store failure: Chinese summary, then the file and the English detail. */
export function describeStoreFailure(failure: NonNullable<StoreStatus['failure']>): string {
  return [
    `${summaries[failure.code]}：${failure.file}`,
    '',
    failure.reason,
    failure.advice,
    '',
    '未做任何修改；请联系管理员。No file was changed; contact your administrator.',
  ].join('\n');
}

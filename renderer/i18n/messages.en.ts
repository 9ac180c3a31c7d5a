import type { MessageKey } from './messages.zh-CN';

/** English messages. */
export const messagesEn = {
  'app.name': 'Seatdesk',
  'app.title': 'Seatdesk',
  'app.loading': 'Starting…',
  'app.startupFailedTitle': 'Seatdesk could not read its status',
  'app.retry': 'Try again',

  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.none': '—',
  'common.generate': 'Generate',
  'common.refresh': 'Refresh',
  'common.signOut': 'Sign out',
  'common.languageLabel': 'Display language',

  'role.agent': 'Agent',
  'role.team_lead': 'Team lead',
  'role.admin': 'Administrator',

  'accountStatus.active': 'Active',
  'accountStatus.disabled': 'Disabled',
  'presence.online': 'Online',

  'field.agentId': 'Agent ID',
  'field.displayName': 'Name',
  'field.team': 'Team',
  'field.role': 'Role',
  'field.password': 'Password',
  'field.confirmPassword': 'Confirm password',
  'field.currentPassword': 'Current password',
  'field.newPassword': 'New password',
  'field.confirmNewPassword': 'Confirm new password',
  'field.temporaryPassword': 'Temporary password',
  'field.databasePassphrase': 'Database passphrase',
  'field.confirmDatabasePassphrase': 'Confirm database passphrase',

  'validation.required': '{field} is required',
  'validation.select': 'Please choose a {field}',
  'validation.agentIdFormat': 'An agent ID may contain only letters, digits, “-” and “_”',
  'validation.tooLong': '{field}: at most {max} characters',
  'validation.passwordsDiffer': 'The two passwords do not match',
  'validation.passphrasesDiffer': 'The two passphrases do not match',
  'validation.serverIssue': 'This value is not accepted; please check it and try again',
  'passphrase.policy': 'At least {min} characters, not a common or simple one. It cannot be recovered if forgotten.',
  'password.policy':
    'At least {min} characters; not a common password, and not containing the agent ID.',

  'storeFailed.title': 'The local database cannot be opened',
  'storeFailed.explanation':
    'Seatdesk keeps its data in an encrypted database on this computer, and it cannot be opened right now. To protect the data, nothing was changed or deleted. Follow the advice below, or give these details to IT support.',
  'storeFailed.reason': 'Reason',
  'storeFailed.file': 'File',
  'storeFailed.advice': 'Advice',
  'storeFailed.noDetails': 'No further details are available.',
  'storeFailed.retry': 'Check again',
  'storeFailed.details': 'Technical details',
  'storeFailed.whatToDo': 'What to do: ',
  'storeFailure.KEY_FILE_MISSING.summary': 'The database key file is missing',
  'storeFailure.KEY_FILE_MISSING.advice':
    'Restore seatdesk.key.json from the backup taken with the database. Without it the database cannot be decrypted; do not delete the database.',
  'storeFailure.KEY_FILE_INVALID.summary': 'The database key file is damaged or was edited',
  'storeFailure.KEY_FILE_INVALID.advice': 'Restore seatdesk.key.json from backup.',
  'storeFailure.DATABASE_MISSING.summary': 'The database file is missing',
  'storeFailure.DATABASE_MISSING.advice':
    'Restore seatdesk.db from backup. To start over with an empty desk instead, move seatdesk.key.json out of the data folder.',
  'storeFailure.KEYCHAIN_UNAVAILABLE.summary': 'The system keychain is not available',
  'storeFailure.KEYCHAIN_UNAVAILABLE.advice':
    'Sign in to the desktop session that holds the system keychain (GNOME Keyring or KWallet on Linux), then start Seatdesk again.',
  'storeFailure.KEYCHAIN_BACKEND_CHANGED.summary': 'The system keychain has changed',
  'storeFailure.KEYCHAIN_BACKEND_CHANGED.advice':
    'Start Seatdesk with the keychain it was set up with (on Linux, the same --password-store). Seatdesk refuses to change key protection silently.',
  'storeFailure.KEYCHAIN_DECRYPT_FAILED.summary': 'The system keychain cannot decrypt the database key',
  'storeFailure.KEYCHAIN_DECRYPT_FAILED.advice':
    'The keychain entry belongs to another user or machine. Restore the keychain, or restore the data folder on the machine where it was created.',
  'storeFailure.DATABASE_NOT_DECRYPTABLE.summary': 'The key does not decrypt the database',
  'storeFailure.DATABASE_NOT_DECRYPTABLE.advice':
    'The key does not open this file: it was damaged or replaced. Restore seatdesk.db from backup; do not delete it.',
  'storeFailure.DATABASE_DAMAGED.summary': 'The database file is damaged',
  'storeFailure.DATABASE_DAMAGED.advice':
    'The passphrase is right but the file is damaged. Restore seatdesk.db from backup; do not delete it.',
  'storeFailure.DATABASE_FROM_FUTURE.summary': 'The database comes from a newer Seatdesk',
  'storeFailure.DATABASE_FROM_FUTURE.advice':
    'This database was written by a newer version of Seatdesk. Install that version or a newer one.',
  'storeFailure.OPEN_FAILED.summary': 'The database cannot be opened',
  'storeFailure.OPEN_FAILED.advice':
    'Check that the data folder can be read and written, then start Seatdesk again.',

  'storeUnlock.title': 'Unlock the database',
  'storeUnlock.description':
    'The database on this computer is protected by a passphrase. Enter the database passphrase chosen during setup.',
  'storeUnlock.submit': 'Unlock',

  'setup.title': 'Set up Seatdesk',
  'setup.description':
    'First start: create the first administrator account. The administrator can then open accounts for colleagues under “Agents”.',
  'setup.sectionAdministrator': 'Administrator account',
  'setup.sectionDatabase': 'Database protection',
  'setup.keychainMissing':
    'This computer has no usable system keychain, so the database will be encrypted with the passphrase you choose. It is needed every time Seatdesk starts. A forgotten passphrase cannot be recovered, and the database could no longer be opened, so keep it safe.',
  'setup.keychainAvailable':
    'The database key is kept in the system keychain, so no passphrase is needed at start.',
  'setup.usePassphrase': 'Protect the database with a passphrase instead of the system keychain',
  'setup.passphraseWarning':
    'The passphrase is needed every time Seatdesk starts. A forgotten passphrase cannot be recovered, and the database could no longer be opened.',
  'setup.submit': 'Create administrator and continue',

  'signIn.title': 'Sign in',
  'signIn.subtitle': 'Sign in with your agent ID and password',
  'signIn.submit': 'Sign in',

  'changePassword.title': 'Choose a new password',
  'changePassword.description':
    'An administrator gave you a temporary password. Before you continue, choose a new password that only you know.',
  'changePassword.account': 'Signed in as {agentId} ({displayName})',
  'ownPassword.title': 'Change password',
  'ownPassword.changed': 'Your password was changed.',
  'ownPassword.open': 'Change password',
  'changePassword.submit': 'Save new password',

  'workspace.tabWorkspace': 'Workspace',
  'workspace.tabAgents': 'Agents',
  'workspace.emptyTitle': 'No incoming calls',
  'workspace.emptyDescription':
    'Waiting for calls. When a call comes in, the call and customer details appear here.',

  'agents.title': 'Agents',
  'agents.count': 'Accounts: {count}',
  'agents.create': 'New agent',
  'agents.columnStatus': 'Status',
  'agents.columnPassword': 'Password',
  'agents.columnLastSignIn': 'Last sign-in',
  'agents.columnActions': 'Actions',
  'agents.mustChangePassword': 'Temporary, must change',
  'agents.neverSignedIn': 'Never',
  'agents.you': 'You',
  'agents.edit': 'Edit',
  'agents.disable': 'Disable',
  'agents.enable': 'Enable',
  'agents.resetPassword': 'Reset password',
  'agents.ownAccount': 'You cannot change your own account; ask another administrator.',
  'agents.disableConfirm':
    'Disable {agentId} ({displayName})? The account is signed out at once and can no longer sign in.',
  'agents.enableConfirm': 'Enable {agentId} ({displayName})? The account can sign in again.',
  'agents.createTitle': 'New agent',
  'agents.createSubmit': 'Create account',
  'agents.temporaryPasswordHint':
    'Give the temporary password to the person directly or over a secure channel; they must change it at first sign-in.',
  'agents.created': 'Created {agentId} ({displayName})',
  'agents.editTitle': 'Edit {agentId}',
  'agents.updated': 'Saved the details of {agentId}',
  'agents.disabled': 'Disabled {agentId}',
  'agents.enabled': 'Enabled {agentId}',
  'agents.resetTitle': 'Reset the password of {agentId}',
  'agents.resetDescription':
    'Set a temporary password; {displayName} must change it at the next sign-in.',
  'agents.resetSubmit': 'Reset password',
  'agents.passwordReset': 'Reset the password of {agentId}; it must be changed at the next sign-in',
  'agents.loadFailed': 'The account list could not be loaded',

  'error.VALIDATION_FAILED': 'Some of the input is not valid. Check the marked fields and try again.',
  'error.UNKNOWN_CHANNEL':
    'Parts of the application do not match, so this action cannot be done. Restart Seatdesk; if it happens again, contact IT support.',
  'error.FORBIDDEN_SENDER':
    'The request failed a security check and was refused. Restart Seatdesk; if it happens again, contact IT support.',
  'error.NOT_SIGNED_IN': 'Your session has ended. Please sign in again.',
  'error.FORBIDDEN_ROLE':
    'Your account is not allowed to do this. Contact an administrator if you need access.',
  'error.PASSWORD_CHANGE_REQUIRED': 'Change your temporary password before you continue.',
  'error.INVALID_CREDENTIALS': 'The agent ID or password is incorrect. Please try again.',
  'error.ACCOUNT_DISABLED': 'This account is disabled and cannot sign in. Contact an administrator.',
  'error.SETUP_ALREADY_DONE': 'Seatdesk is already set up. Sign in with an existing account.',
  'error.SETUP_REQUIRED': 'Seatdesk is not set up yet. Create the administrator account first.',
  'error.STORE_LOCKED': 'The database is locked. Enter the database passphrase to unlock it.',
  'error.STORE_ALREADY_OPEN': 'The database is already unlocked; no passphrase is needed.',
  'error.STORE_UNAVAILABLE':
    'The database on this computer is not available. Restart Seatdesk; if it happens again, contact IT support.',
  'error.WRONG_PASSPHRASE': 'The database passphrase is incorrect. Please try again.',
  'error.PASSPHRASE_TOO_WEAK': 'The database passphrase is too weak: use {min} to {max} characters, not a common or simple one.',
  'error.PASSPHRASE_REQUIRED':
    'This computer has no usable system keychain. Choose a database passphrase.',
  'error.AGENT_ID_TAKEN': 'This agent ID is already in use. Choose another one.',
  'error.ACCOUNT_NOT_FOUND': 'This account could not be found. Refresh the list and try again.',
  'error.PASSWORD_TOO_SHORT': 'The password is too short: use at least {min} characters.',
  'error.PASSWORD_TOO_LONG': 'The password is too long: use at most {max} characters.',
  'error.PASSWORD_TOO_COMMON':
    'This password is too common or too predictable. Choose another one.',
  'error.PASSWORD_CONTAINS_AGENT_ID': 'The password must not contain the agent ID. Choose another one.',
  'error.PASSWORD_UNCHANGED': 'The new password must differ from the current one.',
  'error.CANNOT_CHANGE_OWN_ACCOUNT':
    'You cannot disable your own account or change your own role. Ask another administrator.',
  'error.LAST_ADMIN':
    'At least one active administrator account must remain, so this was refused.',
  'error.INTERNAL_ERROR':
    'Something unexpected went wrong and the action was not completed. Try again later; if it happens again, contact IT support.',
} as const satisfies Record<MessageKey, string>;

import { create } from 'zustand';
import type { ErrorCode, IpcFailure } from '../../../common/ipc/result';
import { defaultDeskSettings, type DeskSettings } from '../../../common/settings';
import { getApi } from '../../api/api';

type SettingsState = {
  settings: DeskSettings;
  workstationId: string;
  loaded: boolean;
  loadErrorCode: ErrorCode | null;
  load: () => Promise<void>;
  update: (settings: DeskSettings) => Promise<IpcFailure | null>;
  reset: () => void;
};

/** The desk settings the signed-in person's screen follows (lock hotkey, watermark, …). */
export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: defaultDeskSettings,
  workstationId: '',
  loaded: false,
  loadErrorCode: null,
  load: async () => {
    const result = await getApi().settings.get({});
    if (!result.ok) {
      set({ loadErrorCode: result.code });
      return;
    }
    set({ ...result.value, loaded: true, loadErrorCode: null });
  },
  update: async (settings) => {
    const result = await getApi().settings.update({ settings });
    if (!result.ok) return result;
    set({ ...result.value, loaded: true });
    return null;
  },
  reset: () => set({ settings: defaultDeskSettings, workstationId: '', loaded: false, loadErrorCode: null }),
}));

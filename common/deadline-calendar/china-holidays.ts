import type { CalendarYear } from './working-calendar';

const source = '国务院办公厅节假日安排通知；数据核对自 github.com/awfe/ChinaWorkingDay';

/**
 * The mainland China public-holiday calendar a new desk starts with: the State Council's
 * arrangements for 2024–2026. Holidays list only the days off that would otherwise be working
 * days; make-up working days (调休) are the weekend days worked instead. Administrators add the
 * next year when the State Council announces it (usually in November).
 */
export const chinaHolidayCalendar: readonly CalendarYear[] = [
  {
    year: 2024,
    source,
    holidays: [
      { date: '2024-01-01', name: '元旦' },
      ...['2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16'].map((date) => ({ date, name: '春节' })),
      { date: '2024-04-04', name: '清明节' },
      { date: '2024-04-05', name: '清明节' },
      ...['2024-05-01', '2024-05-02', '2024-05-03'].map((date) => ({ date, name: '劳动节' })),
      { date: '2024-06-10', name: '端午节' },
      { date: '2024-09-16', name: '中秋节' },
      { date: '2024-09-17', name: '中秋节' },
      ...['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'].map((date) => ({ date, name: '国庆节' })),
    ],
    makeUpWorkdays: [
      { date: '2024-02-04', name: '春节调休' },
      { date: '2024-02-18', name: '春节调休' },
      { date: '2024-04-07', name: '清明节调休' },
      { date: '2024-04-28', name: '劳动节调休' },
      { date: '2024-05-11', name: '劳动节调休' },
      { date: '2024-09-14', name: '中秋节调休' },
      { date: '2024-09-29', name: '国庆节调休' },
      { date: '2024-10-12', name: '国庆节调休' },
    ],
  },
  {
    year: 2025,
    source,
    holidays: [
      { date: '2025-01-01', name: '元旦' },
      ...['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04'].map((date) => ({ date, name: '春节' })),
      { date: '2025-04-04', name: '清明节' },
      ...['2025-05-01', '2025-05-02', '2025-05-05'].map((date) => ({ date, name: '劳动节' })),
      { date: '2025-06-02', name: '端午节' },
      ...['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'].map((date) => ({ date, name: '国庆节、中秋节' })),
    ],
    makeUpWorkdays: [
      { date: '2025-01-26', name: '春节调休' },
      { date: '2025-02-08', name: '春节调休' },
      { date: '2025-04-27', name: '劳动节调休' },
      { date: '2025-09-28', name: '国庆节调休' },
      { date: '2025-10-11', name: '国庆节调休' },
    ],
  },
  {
    year: 2026,
    source,
    holidays: [
      { date: '2026-01-01', name: '元旦' },
      { date: '2026-01-02', name: '元旦' },
      ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'].map((date) => ({ date, name: '春节' })),
      { date: '2026-04-06', name: '清明节' },
      ...['2026-05-01', '2026-05-04', '2026-05-05'].map((date) => ({ date, name: '劳动节' })),
      { date: '2026-06-19', name: '端午节' },
      { date: '2026-09-25', name: '中秋节' },
      ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({ date, name: '国庆节' })),
    ],
    makeUpWorkdays: [
      { date: '2026-01-04', name: '元旦调休' },
      { date: '2026-02-14', name: '春节调休' },
      { date: '2026-02-28', name: '春节调休' },
      { date: '2026-05-09', name: '劳动节调休' },
      { date: '2026-09-20', name: '国庆节调休' },
      { date: '2026-10-10', name: '国庆节调休' },
    ],
  },
];

export * from './beijing';
export * from './calendar';
export * from './extra';
export type { CompactYear, CompactYears, HolidayData, YearSchedule } from './schedule';

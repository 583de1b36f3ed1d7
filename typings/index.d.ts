/// <reference types="miniprogram-api-typings" />

/** The app instance's shape, for App<IAppOption>() and getApp<IAppOption>(). */
interface IAppOption {
  globalData: Record<string, never>;
}

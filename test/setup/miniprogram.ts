/**
 * Runs before each page test file: loads miniprogram-simulate, which defines the `Component`
 * constructor and a mock `wx`. The mock has no `wx.cloud`; tests install one with `fakeCloud()`.
 */
import 'miniprogram-simulate';

import { init } from 'echarts/core';

/**
 * Paints an ECharts option as a PNG data URL on a second, off-page chart with the canvas
 * renderer (the page draws SVG, whose getDataURL gives SVG), as ChartCanvas does for charts.
 * The caller's chunk installs CanvasRenderer and the components the option uses.
 */
export function offscreenPng(option: object, width: number, height: number): string {
  const painter = init(document.createElement('div'), null, { renderer: 'canvas', width, height });
  try {
    painter.setOption({ ...option, animation: false });
    return painter.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  } finally {
    painter.dispose();
  }
}

/** The title drawn at the top of a downloaded picture (the page shows it as a heading). */
export const PNG_TITLE_ROOM = 40;
export const pngTitle = (text: string) => ({
  text,
  left: 'center',
  top: 10,
  textStyle: { fontSize: 14, fontWeight: 'bold' as const, color: '#1b1f24' },
});

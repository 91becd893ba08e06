import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  fitView,
  flowWidth,
  isOnEarth,
  pickedCoordinates,
  WORLD_VIEW,
} from './map-view.ts';

describe('map view helpers', () => {
  it('shows the world when there is nothing to show', () => {
    expect(fitView([])).toEqual(WORLD_VIEW);
  });

  it('centres on one place with a regional zoom', () => {
    expect(fitView([{ latitude: 47.0, longitude: 28.8 }])).toEqual({ center: [28.8, 47], zoom: 6 });
  });

  it('fits the bounding box of several places', () => {
    const view = fitView([
      { latitude: 10, longitude: -10 },
      { latitude: 50, longitude: 30 },
    ]);
    expect(view.center).toEqual([10, 30]);
    // 40° of 140° latitude is the larger share: zoom (2/3) / (40/140) ≈ 2.333
    expect(view.zoom).toBeCloseTo(2.333, 3);
  });

  it('never zooms out past the world', () => {
    expect(
      fitView([
        { latitude: -60, longitude: -179 },
        { latitude: 80, longitude: 179 },
      ]).zoom,
    ).toBe(1);
  });

  it('refuses coordinates that are not on Earth and rounds picked ones', () => {
    expect(isOnEarth(90, 180)).toBe(true);
    expect(isOnEarth(90.1, 0)).toBe(false);
    expect(isOnEarth(0, -180.5)).toBe(false);
    expect(isOnEarth(Number.NaN, 0)).toBe(false);
    expect(pickedCoordinates(28.123456, 47.987654)).toEqual({
      latitude: 47.9877,
      longitude: 28.1235,
    });
    expect(pickedCoordinates(200, 0)).toBeNull();
  });

  it('scales flow lines to the largest flow', () => {
    expect(flowWidth(10, 10)).toBe(6);
    expect(flowWidth(0, 10)).toBe(1);
    expect(flowWidth(5, 10)).toBe(3.5);
    expect(flowWidth(undefined, 10)).toBe(1.5);
  });

  it('escapes names for the HTML tooltips', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
    );
  });
});

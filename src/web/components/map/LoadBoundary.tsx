import { Component, type ReactNode } from 'react';

interface Props {
  /** Shown instead of the children when they fail to load or render. */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * Keeps a lazily loaded picture (map, chart) from taking the page down with it: when its code
 * cannot be fetched (offline, or the app was updated meanwhile) the page shows `fallback`, and
 * the list or table that says the same in words stays usable.
 */
export class LoadBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

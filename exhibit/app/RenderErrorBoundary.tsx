import { Component, type ReactNode } from 'react';

interface Props {
  /** Changing this (e.g. the pathname) clears the error, so navigating away recovers. */
  resetKey: string;
  fallback: ReactNode;
  children: ReactNode;
}

interface State {
  hasError: boolean;
  resetKey: string;
}

/** Catches render errors and failed lazy chunks so the visitor sees a message, never a blank page. */
export class RenderErrorBoundary extends Component<Props, State> {
  state: State = { hasError: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { hasError: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { hasError: false, resetKey: props.resetKey } : null;
  }

  componentDidCatch(error: unknown) {
    console.error(error);
  }

  render() {
    return this.state.hasError ? this.props.fallback : this.props.children;
  }
}

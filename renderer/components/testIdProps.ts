/**
 * `data-testid` for props objects such as antd's `okButtonProps`, whose types do not list
 * data attributes even though the components pass them on to the DOM.
 */
export function testIdProps(testId: string): Record<string, string> {
  return { 'data-testid': testId };
}

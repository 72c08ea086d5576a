import { Record360 } from './Record360';

export function ContactView({ id }: { id: string }) {
  return <Record360 refd={{ kind: 'contact', id }} />;
}

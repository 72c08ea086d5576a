import { Record360 } from './Record360';

export function AccountView({ id }: { id: string }) {
  return <Record360 refd={{ kind: 'account', id }} />;
}

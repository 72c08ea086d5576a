import { render } from 'preact';
render(<p>Carnet</p>, document.getElementById('app')!);

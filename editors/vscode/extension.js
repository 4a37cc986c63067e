// Minimal VS Code client for `shipshape lsp --stdio`: starts the server for Dockerfiles (by language
// and by file name: Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile, Containerfile.*) and adds a
// command that runs the server's "fix all safe problems" on the active editor. Everything else
// (diagnostics, quick fixes, hover, source.fixAll.shipshape on save) comes from the server.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('shipshape');
  const command = settings.get('path', 'shipshape');
  const serverOptions = { command, args: ['lsp', '--stdio'], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'file', pattern: '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*}' },
      { scheme: 'untitled', language: 'dockerfile' },
    ],
    initializationOptions: { debounceMs: settings.get('debounceMs', 200), shellcheck: settings.get('shellcheck', true) },
    synchronize: {
      // The server re-reads its configuration and .dockerignore files when these change.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.hadolint.yaml,.hadolint.yml,.dockerignore,*.dockerignore}'),
    },
  };
  client = new LanguageClient('shipshape', 'shipshape', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('shipshape.fixAllCurrent', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      await client.sendRequest('workspace/executeCommand', { command: 'shipshape.fixAll', arguments: [editor.document.uri.toString()] });
    }),
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

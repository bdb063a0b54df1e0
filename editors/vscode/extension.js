// Starts `plandsl lsp` (setting plandsl.command) for .plan files.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("plandsl").get("command", ["plandsl", "lsp"]);
  client = new LanguageClient(
    "plandsl",
    "plandsl",
    { command, args },
    { documentSelector: [{ scheme: "file", language: "plandsl" }] }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

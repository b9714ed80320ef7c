import Client from "./Client.js";

export default function Page() {
  return <Client />;
}

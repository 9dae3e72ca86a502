import Link from "next/link";

export default function StateNotFound() {
  return (
    <div className="container stack">
      <h1>State not found</h1>
      <p>
        We have licensing rules for the 50 US states and the District of Columbia. Use a two-letter code, such as{" "}
        <Link href="/licensing/ks">/licensing/ks</Link>, or a state&apos;s name, such as{" "}
        <Link href="/licensing/new-york">/licensing/new-york</Link>.
      </p>
      <p>
        <Link href="/licensing">See all states and DC</Link>
      </p>
    </div>
  );
}

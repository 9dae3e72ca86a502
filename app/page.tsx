import Link from "next/link";
import { RedFlagNotice } from "@/components/red-flag-notice";
import { SearchForm } from "@/components/search-form";

export default function HomePage() {
  return (
    <div className="container stack">
      <section className="hero" aria-labelledby="home-heading">
        <h1 id="home-heading">Find a massage therapist for sciatica</h1>
        <p className="lead">
          Search by type of massage and location, then check each therapist against what patients are advised to
          look for: a licence in good standing, board certification, training, and experience with sciatica.
        </p>
        <SearchForm />
      </section>
      <RedFlagNotice />
      <section aria-labelledby="how-heading" className="stack">
        <h2 id="how-heading">What massage can and cannot do</h2>
        <p>
          Massage can relax tense lower-back muscles and bring temporary pain relief while sciatica settles; most
          cases ease on their own or with conservative care over several weeks. It does not fix the underlying cause.
          Read <Link href="/guide">Before you book</Link> for who should talk to a doctor first and what to ask a
          therapist.
        </p>
      </section>
    </div>
  );
}

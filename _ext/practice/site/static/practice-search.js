// The search page (templates/practice-search.html): asks Pagefind for the query in
// ?q=... and lists what it finds. A file, not an inline script, so the page's
// Content-Security-Policy (csp.py) needs no exception for it. The form carries the
// addresses of Pagefind's script and of the home page (data-pagefind, data-home).
const form = document.querySelector(".practice-search");
const input = form.querySelector("input");
const status = document.getElementById("practice-search-status");
const list = document.getElementById("practice-search-results");
const query = (new URLSearchParams(location.search).get("q") || "").trim();
// The page's own words (data- attributes, translated with the page), with "%(name)s" filled in.
const say = (name, values = {}) => form.dataset[name].replace(/%\((\w+)\)s/g, (_all, key) => values[key]);
input.value = query;
if (query) {
  status.textContent = say("searching");
  try {
    const pagefind = await import(new URL(form.dataset.pagefind, location.href).href);
    await pagefind.options({ baseUrl: new URL(form.dataset.home, location.href).pathname.replace(/[^/]*$/, "") });
    const search = await pagefind.search(query);
    const pages = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    const count = search.results.length;
    status.textContent = say(!pages.length ? "foundNone" : count === 1 ? "foundOne" : "foundMany",
                             { count, query });
    list.replaceChildren(...pages.map((page) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.meta.title;
      const excerpt = document.createElement("p");
      excerpt.className = "context";
      excerpt.innerHTML = page.excerpt;
      item.append(link, excerpt);
      return item;
    }));
  } catch (error) {
    status.textContent = say("unavailable");
  }
}

//! Typed answers turned into what templates print: formatted, escaped, in the
//! convention's language. Templates hold no formatting or business logic.

use super::text::{capitalize, escape_markdown, escape_paragraphs};
use crate::convention::Convention;
use crate::field::{Record, Value};
use crate::format;
use crate::lang::Lang;
use crate::library::{Field, FieldKind};
use serde_json::{Map, Value as Json, json};

/// Everything a template may need to format a value.
pub struct Formatter<'a> {
    pub conv: &'a Convention,
    pub lang: Lang,
    pub currency: &'a str,
}

impl Formatter<'_> {
    /// A party as templates see it: `name`, `short_name`, `Short_name`
    /// (capitalised, for a sentence start), all escaped.
    pub fn party(&self, id: &str) -> Json {
        let p = self.conv.party(id);
        let get = |k: &str| p.and_then(|p| p.text(k)).map(escape_markdown);
        let short = get("short_name").unwrap_or_else(|| escape_markdown(id));
        let (to, of) = prepositions(&short, self.lang);
        json!({
            "id": id,
            "name": get("name").unwrap_or_else(|| short.clone()),
            "Short_name": capitalize(&short),
            "short_name": short,
            "a": to,
            "de": of,
            // Whether the party belongs to the public sector, for sentences
            // about the public body (« demeure responsable des services »).
            "public": self.conv.is_public(id),
            // Whether it is a public administration (a municipality, a
            // regional county municipality, a department), whose budget is
            // final when its council or legislature adopts it — unlike a
            // health institution's, which also awaits an allocation.
            "administration": self.conv.is_public_administration(id),
        })
    }

    /// A record's fields, by name; absent optional fields are absent here too,
    /// so `{% if f.x %}` is how a template tests for them.
    pub fn record(&self, fields: &[Field], record: &Record) -> Json {
        let mut map = Map::new();
        for (name, value) in &record.fields {
            if let Some(field) = fields.iter().find(|f| f.name() == name) {
                map.insert(name.clone(), self.value(field, &value.value));
            }
        }
        Json::Object(map)
    }

    pub fn value(&self, field: &Field, value: &Value) -> Json {
        match value {
            Value::Text(s) if field.paragraphs => Json::String(escape_paragraphs(s)),
            Value::Text(s) => Json::String(escape_markdown(s)),
            Value::TextList(items) => items
                .iter()
                .map(|i| Json::String(escape_markdown(&i.value)))
                .collect(),
            Value::Bool(b) => Json::Bool(*b),
            Value::Date(d) => Json::String(format::date(*d, self.lang)),
            Value::Integer(n) => json!(n),
            Value::Percentage(p) => Json::String(format::percent(*p, self.lang)),
            Value::Money(m) => Json::String(format::money(*m, self.currency, self.lang)),
            Value::Party(id) => self.party(id),
            Value::Parties(ids) => ids.iter().map(|id| self.party(&id.value)).collect(),
            Value::Choice(v) => {
                let label = field.choice(v).map_or(v.as_str(), |c| c.label(self.lang));
                json!({ "value": v, "label": escape_markdown(label) })
            }
            Value::Record(r) => self.record(&field.fields, r),
            Value::Records(rs) => rs.iter().map(|r| self.record(&field.fields, r)).collect(),
        }
    }
}

/// « à » and « de » before a short name, contracted as French requires
/// (« au Club », « du Club », « aux Amis », « de l’Association »); "to" and
/// "of" in English.
pub fn prepositions(short: &str, lang: Lang) -> (String, String) {
    match lang {
        Lang::En => (format!("to {short}"), format!("of {short}")),
        Lang::Fr => {
            if let Some(rest) = short.strip_prefix("le ") {
                (format!("au {rest}"), format!("du {rest}"))
            } else if let Some(rest) = short.strip_prefix("les ") {
                (format!("aux {rest}"), format!("des {rest}"))
            } else if short.starts_with("la ") || short.starts_with("l'") || short.starts_with("l’")
            {
                (format!("à {short}"), format!("de {short}"))
            } else if short.starts_with([
                'a', 'e', 'i', 'o', 'u', 'é', 'è', 'A', 'E', 'I', 'O', 'U', 'É', 'h', 'H',
            ]) {
                (format!("à {short}"), format!("d’{short}"))
            } else {
                (format!("à {short}"), format!("de {short}"))
            }
        }
    }
}

/// Whether a field kind prints as plain text (used for the generic template).
pub fn is_scalar(kind: FieldKind) -> bool {
    !matches!(
        kind,
        FieldKind::Record | FieldKind::Records | FieldKind::TextList | FieldKind::Parties
    )
}

#[cfg(test)]
mod tests {
    use super::prepositions;
    use crate::Lang;

    #[test]
    fn french_contractions() {
        assert_eq!(
            prepositions("le Club", Lang::Fr),
            ("au Club".into(), "du Club".into())
        );
        assert_eq!(
            prepositions("la Ville", Lang::Fr),
            ("à la Ville".into(), "de la Ville".into())
        );
        assert_eq!(
            prepositions("les Amis du parc", Lang::Fr),
            ("aux Amis du parc".into(), "des Amis du parc".into())
        );
        assert_eq!(
            prepositions("l’Association", Lang::Fr),
            ("à l’Association".into(), "de l’Association".into())
        );
        assert_eq!(
            prepositions("Accès-Loisirs", Lang::Fr),
            ("à Accès-Loisirs".into(), "d’Accès-Loisirs".into())
        );
        assert_eq!(
            prepositions("the City", Lang::En),
            ("to the City".into(), "of the City".into())
        );
    }
}

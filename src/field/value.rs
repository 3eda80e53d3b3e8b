//! Typed answers: what a value became once typed against its [`Field`](super::Field),
//! with the span it came from.

use crate::source::Span;
use chrono::NaiveDate;

/// A value with the span it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// An amount in hundredths of the currency unit (cents), exact.
pub type Cents = i64;
/// A percentage in hundredths of a percent (100 % = 10 000), exact.
pub type Hundredths = i64;

/// A typed answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    TextList(Vec<Spanned<String>>),
    Bool(bool),
    Date(NaiveDate),
    Integer(i64),
    Percentage(Hundredths),
    Money(Cents),
    Party(String),
    Parties(Vec<Spanned<String>>),
    Choice(String),
    Record(Record),
    Records(Vec<Record>),
}

impl Value {
    pub fn as_date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }

    pub fn as_integer(&self) -> Option<i64> {
        match self {
            Value::Integer(n) => Some(*n),
            _ => None,
        }
    }

    /// Money in cents.
    pub fn as_money(&self) -> Option<Cents> {
        match self {
            Value::Money(n) => Some(*n),
            _ => None,
        }
    }

    /// A percentage in hundredths of a percent.
    pub fn as_percentage(&self) -> Option<Hundredths> {
        match self {
            Value::Percentage(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

/// A table of typed answers, in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    /// The table's header (or inline table) in the source.
    pub span: Span,
    pub fields: Vec<(String, Spanned<Value>)>,
}

impl Record {
    pub fn get(&self, name: &str) -> Option<&Spanned<Value>> {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        match &self.get(name)?.value {
            Value::Text(s) | Value::Choice(s) | Value::Party(s) => Some(s),
            _ => None,
        }
    }

    /// A field's value read as one type, with its span: `None` when the
    /// field is absent or holds another type.
    /// `record.typed("due", Value::as_date)`.
    pub fn typed<T>(&self, name: &str, pick: fn(&Value) -> Option<T>) -> Option<Spanned<T>> {
        let v = self.get(name)?;
        Some(Spanned {
            value: pick(&v.value)?,
            span: v.span.clone(),
        })
    }

    pub fn record(&self, name: &str) -> Option<&Record> {
        match &self.get(name)?.value {
            Value::Record(r) => Some(r),
            _ => None,
        }
    }

    /// The records of a list field; empty when absent.
    pub fn records(&self, name: &str) -> &[Record] {
        match self.get(name).map(|v| &v.value) {
            Some(Value::Records(r)) => r,
            _ => &[],
        }
    }

    /// The span of a field's value, or of the table when the field is absent.
    pub fn span_of(&self, name: &str) -> Span {
        self.get(name).map_or(self.span.clone(), |v| v.span.clone())
    }
}
